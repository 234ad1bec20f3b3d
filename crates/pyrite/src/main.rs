fn main() {
    println!("pyrite");
}
