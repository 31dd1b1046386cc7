// A nested generator called through a renamed import is not recognised as
// one: its `yield`s are rewritten as the outer body's, and the inner
// macro's closure takes the outer yielder by move.
use rill_gen::stream;
use rill_gen::stream as generator;

fn main() {
    let _s = stream! {
        let inner = generator! {
            yield 1u8;
        };
        for await x in inner {
            yield x;
        }
    };
}
