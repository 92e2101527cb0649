// Domain types of the example user service.

export type UserId = string;

export type Role = 'admin' | 'editor' | 'viewer';

export interface Address {
  street: string;
  city: string;
  postalCode?: string;
}

export interface User {
  id: UserId;
  email: string;
  displayName: string;
  role: Role;
  createdAt: Date;
  address?: Address;
  tags: string[];
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  role: Role;
}

export enum UserStatus {
  Active = 'active',
  Suspended = 'suspended',
  Deleted = 'deleted',
}
