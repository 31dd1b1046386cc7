use rill_gen::stream;

fn main() {
    let _s = stream! {
        yield 0;
        [1, 2].iter().for_each(|x| {
            yield *x;
        });
    };
}
