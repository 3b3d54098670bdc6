"""The records packet: one PDF a second-opinion office can read, and a zip with the originals.

``plan`` decides what goes in and in what order; ``build.build`` lays it out
(front matter from ``front_matter``, documents from ``sources``, merged by
``assemble``) and writes the PDF, and the zip through ``manifest``. The pages
that need Qt (HTML to PDF, footers in any script) come through the small
``renderer.Renderer`` interface, so this package stays Qt-free.
"""
