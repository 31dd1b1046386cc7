use rill_gen::stream;

fn main() {
    let _s = stream! {
        yield 0;
        let fut = async {
            yield 1;
        };
        fut.await;
    };
}
