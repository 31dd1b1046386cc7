// The body is an `async move` closure: a variable it uses is moved into
// it. Using the variable after the stream was made points at the use in
// the body and at the macro call, not at the body's first token.
use rill_gen::stream;

fn main() {
    let v = vec![1u8, 2];
    let s = stream! {
        yield 0u8;
        for x in v.iter() {
            yield *x;
        }
    };
    drop(v);
    drop(s);
}
