import { z } from 'zod';
import { msg } from './fields.js';

export const signInRequest = z.strictObject({
  username: z.string(msg('username')).trim().min(1, msg('username')).max(100, msg('username')),
  password: z.string(msg('password')).min(1, msg('password')).max(1024, msg('password')),
});
