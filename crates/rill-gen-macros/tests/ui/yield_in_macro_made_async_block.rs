// A `yield` among a macro's arguments that the macro wraps in an `async`
// block is a yield of the enclosing stream, inside that block, which
// borrows the stream's yielder: sound, and checked by the borrow checker.
// Another `yield` while the block is alive is E0499; spawning the block
// (it must be `'static`) is E0521.
use rill_gen::stream;

macro_rules! asynk {
    ($e:expr) => {
        async { $e }
    };
}

macro_rules! spawn_it {
    ($e:expr) => {
        std::thread::spawn(move || drop(async move { $e }))
    };
}

fn main() {
    let _a = stream! {
        let fut = asynk!(yield 1u8);
        yield 2;
        fut.await;
    };
    let _b = stream! {
        spawn_it!(yield 1u8);
    };
}
