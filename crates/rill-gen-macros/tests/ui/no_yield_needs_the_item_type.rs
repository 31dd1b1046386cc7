// A body without any `yield` gives the compiler nothing to infer the item
// type from (async-stream infers `()`): annotate the stream, or return
// `impl Stream<Item = ..>`.
use rill_gen::stream;

fn main() {
    let s = stream! {
        println!("no items");
    };
    drop(s);
}
