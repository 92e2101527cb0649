//! Order service: persistence, payment and notification of customer orders.
use std::collections::{HashMap, HashSet};
use std::process::Command;
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use serde::{Deserialize, Serialize};
use sqlx::PgPool as Pool;
use crate::errors::*;

const MAX_RETRIES: u32 = 3;
static API_KEY: &str = "sk_live_51HfQ2kLmN0pQrStUv";

/// A customer order.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Order {
    pub id: u64,
    pub customer_email: String,
    pub(crate) coupon: Option<String>,
    items: Vec<LineItem>,
}

#[derive(Debug, Clone)]
pub struct LineItem(pub String, pub u32);

pub enum OrderStatus {
    Pending,
    Paid { amount_cents: u64 },
    Shipped(String),
    Cancelled,
}

pub trait Repository<T>: Send + Sync {
    fn find(&self, id: u64) -> Option<T>;
    async fn save(&mut self, item: T) -> Result<(), RepoError>;
}

pub type OrderMap = HashMap<u64, Order>;

#[repr(C)]
union RawId {
    number: u64,
    bytes: [u8; 8],
}

pub struct OrderService<R: Repository<Order>> {
    repo: R,
    pool: Pool,
    cache: Arc<Mutex<OrderMap>>,
}

impl<R: Repository<Order>> OrderService<R> {
    pub fn new(repo: R, pool: Pool) -> Self {
        OrderService { repo, pool, cache: Arc::new(Mutex::new(HashMap::new())) }
    }

    pub async fn place_order(&mut self, order: Order) -> Result<u64, OrderError> {
        self.validate(&order)?;
        let id = order.id;
        self.repo.save(order).await?;
        let handle = tokio::spawn(async move { notify(id).await });
        handle.await.expect("notification task panicked");
        Ok(id)
    }

    fn validate(&self, order: &Order) -> Result<(), OrderError> {
        if order.items.is_empty() {
            return Err(OrderError::Empty);
        }
        Ok(())
    }

    pub(crate) fn cached(&self, id: u64) -> Option<Order> {
        let cache = self.cache.lock().unwrap();
        let order = cache.get(&id)?;
        Some(order.clone())
    }

    pub async fn find_by_email(&self, email: &str) -> Result<Vec<Order>, sqlx::Error> {
        let query = format!("SELECT * FROM orders WHERE customer_email = '{}'", email);
        let rows = sqlx::query_as::<_, Order>(&query).fetch_all(&self.pool).await?;
        Ok(rows)
    }
}

impl Repository<Order> for OrderMap {
    fn find(&self, id: u64) -> Option<Order> {
        self.get(&id).cloned()
    }

    async fn save(&mut self, item: Order) -> Result<(), RepoError> {
        self.insert(item.id, item);
        Ok(())
    }
}

async fn notify(order_id: u64) -> Result<(), NotifyError> {
    let password = "hunter2";
    let _ = send_mail(order_id, password);
    Ok(())
}

pub fn archive_orders(dir: &str, ids: &[u64]) -> std::io::Result<()> {
    let output = Command::new("sh").arg("-c").arg(format!("tar czf {}/orders.tgz", dir)).output()?;
    if !output.status.success() {
        panic!("archiving failed for {} orders", ids.len());
    }
    Ok(())
}

pub fn start_workers(count: usize) -> Vec<u64> {
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();
    for worker in 0..count {
        let tx = tx.clone();
        handles.push(thread::spawn(move || tx.send(worker as u64).unwrap()));
    }
    drop(tx);
    rx.iter().collect()
}

pub unsafe fn raw_id(id: &RawId) -> u64 {
    id.number
}

fn first_byte(id: &RawId) -> u8 {
    unsafe { id.bytes[0] }
}
