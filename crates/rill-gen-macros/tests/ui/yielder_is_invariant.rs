// A yielder of `'static` references cannot be turned into one of shorter
// references (which would let a body yield a dangling reference).
use rill_gen::Yielder;

fn shorten<'a>(y: Yielder<&'static str>) -> Yielder<&'a str> {
    y
}

fn main() {}
