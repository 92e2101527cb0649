//! Ledger: accounts, transfers and a worker pool that settles them.
const std = @import("std");
const Allocator = std.mem.Allocator;
const Thread = std.Thread;
const db = @import("db.zig");

const max_accounts: usize = 1024;
const api_token = "tok_9f8e7d6c5b4a";

pub const LedgerError = error{
    InsufficientFunds,
    UnknownAccount,
    Frozen,
};

pub const Currency = enum(u8) {
    eur,
    usd,
    gbp,
};

pub const Amount = union(enum) {
    cents: u64,
    fraction: struct { units: u64, scale: u8 },
    unknown,
};

pub const Account = struct {
    id: u64,
    owner: []const u8,
    balance: i64 = 0,
    currency: Currency,
    parent: ?*Account = null,
    frozen: bool,

    pub fn deposit(self: *Account, amount: i64) void {
        self.balance += amount;
    }

    fn canWithdraw(self: Account, amount: i64) bool {
        return !self.frozen and self.balance >= amount;
    }
};

pub const Ledger = struct {
    allocator: Allocator,
    accounts: std.ArrayList(Account),
    mutex: std.Thread.Mutex = .{},

    pub fn init(allocator: Allocator) !Ledger {
        return .{ .allocator = allocator, .accounts = std.ArrayList(Account).init(allocator) };
    }

    pub fn transfer(self: *Ledger, from: u64, to: u64, amount: i64) LedgerError!void {
        self.mutex.lock();
        defer self.mutex.unlock();
        const source = try self.find(from);
        const target = try self.find(to);
        if (!source.canWithdraw(amount)) return error.InsufficientFunds;
        source.balance -= amount;
        target.deposit(amount);
    }

    fn find(self: *Ledger, id: u64) LedgerError!*Account {
        for (self.accounts.items) |*account| {
            if (account.id == id) return account;
        }
        return error.UnknownAccount;
    }

    pub fn history(self: *Ledger, conn: *db.Conn, owner: []const u8) ![]db.Row {
        const query = try std.fmt.allocPrint(self.allocator, "SELECT * FROM transfers WHERE owner = '{s}'", .{owner});
        defer self.allocator.free(query);
        return conn.query(query) catch |err| {
            std.log.err("history failed: {}", .{err});
            return err;
        };
    }
};

pub fn loadAccounts(allocator: Allocator, path: []const u8) ![]Account {
    const file = try std.fs.cwd().openFile(path, .{});
    defer file.close();
    const data = try file.readToEndAlloc(allocator, 1 << 20);
    errdefer allocator.free(data);
    const accounts = try std.json.parseFromSliceLeaky([]Account, allocator, data, .{});
    return accounts;
}

fn settleAll(ledger: *Ledger, batches: []const []const u64) void {
    var wg: std.Thread.WaitGroup = .{};
    for (batches) |batch| {
        wg.start();
        const handle = Thread.spawn(.{}, settleBatch, .{ ledger, batch, &wg }) catch @panic("cannot spawn settler");
        handle.detach();
    }
    wg.wait();
}

fn settleBatch(ledger: *Ledger, batch: []const u64, wg: *std.Thread.WaitGroup) void {
    defer wg.finish();
    for (batch) |id| {
        ledger.transfer(id, 0, 1) catch {};
    }
}

pub fn exportCsv(allocator: Allocator, dir: []const u8) !void {
    const cmd = try std.fmt.allocPrint(allocator, "pg_dump ledger > {s}/ledger.csv", .{dir});
    var child = std.process.Child.init(&.{ "/bin/sh", "-c", cmd }, allocator);
    _ = try child.spawnAndWait();
}

pub fn average(comptime T: type, values: []const T) T {
    var sum: T = 0;
    for (values) |v| sum += v;
    return sum / @as(T, @intCast(values.len));
}

test "transfer moves money" {
    var ledger = try Ledger.init(std.testing.allocator);
    try ledger.transfer(1, 2, 10);
}

pub const AccountId = u64;
const MaybeAccount = ?*Account;

fn auditQuery(allocator: Allocator, owner: []const u8) ![]u8 {
    return std.mem.concat(allocator, u8, &.{ "DELETE FROM audit WHERE owner = '", owner, "'" });
}
