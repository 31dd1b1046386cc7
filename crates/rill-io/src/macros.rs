//! Macros shared by the streams.

/// Adds `get_ref`, `get_mut` and `into_inner` to a stream whose reader is
/// the field `reader`. `$make` builds the stream over the reader
/// `&b"a\n"[..]`, for the doc examples.
macro_rules! reader_access {
    ($name:ident, $make:literal) => {
        impl<R, Io> $name<R, Io> {
            /// Returns a shared reference to the reader.
            ///
            #[doc = concat!("```\n# #[cfg(feature = \"tokio\")] {\nlet s = ", $make, ";
assert_eq!(s.get_ref(), b\"a\\n\");\n# }\n```")]
            pub fn get_ref(&self) -> &R {
                &self.reader
            }

            /// Returns a mutable reference to the reader; bytes read from it
            /// directly are not seen by the stream.
            ///
            #[doc = concat!("```\n# #[cfg(feature = \"tokio\")] {\nlet mut s = ", $make, ";
*s.get_mut() = &b\"b\"[..];
assert_eq!(s.get_ref(), b\"b\");\n# }\n```")]
            pub fn get_mut(&mut self) -> &mut R {
                &mut self.reader
            }

            /// Consumes the stream and returns the reader; bytes the stream
            /// read but did not yield yet are lost.
            ///
            #[doc = concat!("```\n# #[cfg(feature = \"tokio\")] {\nlet s = ", $make, ";
assert_eq!(s.into_inner(), b\"a\\n\");\n# }\n```")]
            pub fn into_inner(self) -> R {
                self.reader
            }
        }
    };
}
