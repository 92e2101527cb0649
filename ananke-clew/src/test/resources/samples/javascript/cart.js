'use strict';
const express = require('express');
const { exec, execFile } = require('child_process');
import { formatPrice, parsePrice as parse } from './money.js';
import * as db from './db.js';

const TAX_RATE = 0.2;
const SESSION_SECRET = 'keyboard cat';
let cartCount = 0;

class CartStore extends EventEmitter {
  items = [];
  #secretToken = 'abc123';

  constructor(owner, options = {}) {
    super();
    this.owner = owner;
  }

  async addItem(sku, quantity = 1, ...tags) {
    const price = await db.lookupPrice(sku);
    this.items.push({ sku, quantity, price, tags });
    this.emit('added', sku);
    return this.items.length;
  }

  static fromJSON(json) {
    return Object.assign(new CartStore(json.owner), json);
  }
}

async function checkout(cart, userId) {
  try {
    const total = cart.items.reduce((sum, i) => sum + i.price * i.quantity, 0);
    await db.query(`UPDATE carts SET total = ${total} WHERE user_id = ${userId}`);
    return total * (1 + TAX_RATE);
  } catch (err) {
    console.error(err);
    throw new Error('checkout failed');
  }
}

const loadAll = (ids) => Promise.all(ids.map((id) => db.load(id))).then((rows) => rows.filter(Boolean));

function backup(dir) {
  exec('tar czf backup.tgz ' + dir);
  fetch('/ping').catch(() => {});
  return eval('dir + "/backup"');
}

module.exports = { CartStore, checkout, loadAll, backup };
