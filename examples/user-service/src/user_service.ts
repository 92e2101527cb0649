import { Logger } from './logger';
import { Database, QueryResult } from './db';
import type { CreateUserRequest, User, UserId } from './models';
import * as crypto from 'crypto';

const MAX_PAGE_SIZE = 100;
const DEFAULT_TIMEOUT_MS = 5000;

export class UserNotFoundError extends Error {
  constructor(public readonly userId: UserId) {
    super(`user ${userId} not found`);
  }
}

export class UserService {
  private readonly cache = new Map<UserId, User>();

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  async getUser(id: UserId): Promise<User> {
    const cached = this.cache.get(id);
    if (cached) {
      return cached;
    }
    try {
      const rows: QueryResult<User> = await this.db.query('SELECT * FROM users WHERE id = $1', [id]);
      if (rows.length === 0) {
        throw new UserNotFoundError(id);
      }
      this.cache.set(id, rows[0]);
      return rows[0];
    } catch (err) {
      this.logger.error('getUser failed', { id, err });
      throw err;
    }
  }

  async listUsers(page: number, pageSize: number = 20): Promise<User[]> {
    const size = Math.min(pageSize, MAX_PAGE_SIZE);
    const rows = await this.db.query('SELECT * FROM users ORDER BY id LIMIT $1 OFFSET $2', [size, page * size]);
    return rows;
  }

  async createUser(request: CreateUserRequest): Promise<User> {
    const id = crypto.randomUUID();
    try {
      await this.db.query('INSERT INTO users (id, email, display_name, role) VALUES ($1, $2, $3, $4)', [
        id,
        request.email,
        request.displayName,
        request.role,
      ]);
    } catch (err) {
      this.logger.error('createUser failed', { err });
      throw err;
    }
    return this.getUser(id);
  }

  async searchByName(name: string): Promise<User[]> {
    // A deliberate smell: SQL built by concatenation.
    return this.db.query("SELECT * FROM users WHERE display_name LIKE '%" + name + "%'");
  }

  async deleteUsers(ids: UserId[]): Promise<void> {
    await Promise.all(ids.map((id) => this.db.query('DELETE FROM users WHERE id = $1', [id])));
    ids.forEach((id) => this.cache.delete(id));
  }

  parseLegacyConfig(raw: string): any {
    return eval('(' + raw + ')');
  }
}

export function isValidEmail(email: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);
}

export async function withTimeout<T>(work: Promise<T>, ms: number = DEFAULT_TIMEOUT_MS): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
  ]);
}
