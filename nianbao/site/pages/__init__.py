"""One context builder per page type; each returns typed Page objects for the renderer."""
