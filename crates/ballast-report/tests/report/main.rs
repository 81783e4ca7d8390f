//! `ballast-report`'s one integration binary: the summary built from hand-made sources, rendered
//! as Markdown and as a real PDF read back with `pdftotext`.

mod render;
