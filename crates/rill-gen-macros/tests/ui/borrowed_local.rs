// Yielding a borrow of a local of the body: the local is dropped at the
// end of the body, while the item must outlive it.
use rill_gen::stream;

fn main() {
    let s = stream! {
        let owned = String::from("local");
        yield owned.as_str();
    };
    drop(s);
}
