"""The Textual reading app: it displays and navigates the model, nothing more."""
