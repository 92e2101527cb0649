const std = @import("std");

pub fn good(x: u32) u32 {
    return x + 1;
}

pub fn bad(x: u32) u32 {
    return x +;
}

pub const After = struct {
    name: []const u8,
};
