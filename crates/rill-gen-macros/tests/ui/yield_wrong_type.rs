use rill_core::Stream;
use rill_gen::stream;

fn numbers() -> impl Stream<Item = u32> {
    stream! {
        yield 1;
        yield "two";
    }
}

fn main() {
    let _ = numbers();
}
