"""Generator of the İzmir women's counseling centers site.

load + validate (source, models, registry) -> derive (catalog) -> render (pages) -> write (writer);
the CLI (cli) and the MkDocs hook module (hooks) are thin edges around that core.
"""
