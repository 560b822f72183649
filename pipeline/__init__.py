"""NZ industrial action dataset pipeline."""
