import { meContract as contract } from '@flowform/api';
import { newRouter } from '../http/router';
import { meView } from '../services/me-view';

/** `GET /api/me` */
export function meRoutes() {
  return newRouter().openapi(contract.me, (c) => {
    const user = c.get('user');
    return c.json(meView(user.directory, user.username), 200);
  });
}
