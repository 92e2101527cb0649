import { Injectable, Logger } from "@nestjs/common";
import type { Repository } from "typeorm";
import * as crypto from "crypto";
import axios from "axios";
import { exec } from "child_process";
import "./polyfills";

export const MAX_RETRIES = 3;
const API_KEY = "sk-live-1234567890abcdef";
let requestCount = 0;

export interface User {
  id: string;
  email: string;
  displayName?: string;
  readonly createdAt: Date;
}

export type UserRole = "admin" | "editor" | "viewer";

export type UserPatch = Partial<User>;

export enum AccountStatus {
  Active = "active",
  Suspended = "suspended",
  Deleted,
}

export class UserNotFoundError extends Error {
  constructor(public readonly userId: string) {
    super(`user ${userId} not found`);
  }
}

@Injectable()
export class UserService implements UserLookup {
  private readonly logger = new Logger(UserService.name);
  private cache: Map<string, User> = new Map();
  retries?: number;

  constructor(private readonly repo: Repository<User>) {}

  async getUser(id: string): Promise<User> {
    const cached = this.cache.get(id);
    if (cached) {
      return cached;
    }
    try {
      const user = await this.repo.findOne({ where: { id } });
      if (!user) {
        throw new UserNotFoundError(id);
      }
      return user;
    } catch (err) {
      this.logger.error(`failed to load ${id}`, err);
      throw err;
    }
  }

  public async listUsers(limit: number = 50, ...roles: UserRole[]): Promise<User[]> {
    const rows = await this.repo.query("SELECT * FROM users WHERE role = '" + roles[0] + "' LIMIT " + limit);
    return rows as User[];
  }

  private toDto<T extends User>(user: T, extra: any): Record<string, unknown> {
    return { ...user, ...extra };
  }

  protected findByEmail(email: string): Promise<User | undefined> {
    return this.repo.findOne({ where: { email } }).then((u) => u ?? undefined);
  }
}

interface UserLookup {
  getUser(id: string): Promise<User>;
}

export async function fetchAvatars(ids: string[]): Promise<Buffer[]> {
  return Promise.all(ids.map((id) => axios.get(`/avatars/${id}`).then((r) => r.data)));
}

export const hashPassword = (password: string, salt?: string): string =>
  crypto.createHash("sha256").update(password + (salt ?? "")).digest("hex");

function runReport(name: string): void {
  exec(`report --name ${name}`);
  try {
    eval("console.log('" + name + "')");
  } catch (e) {
    // ignored on purpose
  }
}

function loadAny(data: any): any {
  return new Function("return " + data)();
}
