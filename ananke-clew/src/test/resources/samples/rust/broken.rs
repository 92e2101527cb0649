use std::fmt;

pub fn ok_before(x: i32) -> i32 {
    x + 1
}

pub fn broken(a: i32 -> i32 {
    a *
}

pub struct AfterError {
    pub name: String,
}
