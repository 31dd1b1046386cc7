// A `macro_rules!` defined in the body is left alone (its `yield` and
// `for await` mean whatever its expansion makes of them): a `for await` in
// it reaches rustc as written, and rustc says so (no internal name leaks).
use rill_gen::stream;

fn main() {
    let _s = stream! {
        macro_rules! each {
            ($s:expr) => {
                for await x in $s {
                    let _ = x;
                }
            };
        }
        each!(stream! { yield 1u8; });
        yield 0u8;
    };
}
