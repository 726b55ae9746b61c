import type { RouteConfig } from '@hono/zod-openapi';
import { accountAdminContract } from './account-admin-contract';
import { attachmentContract } from './attachment-contract';
import { authContract } from './auth-contract';
import { calendarContract } from './calendar-contract';
import { caseContract } from './case-contract';
import { caseLifecycleContract } from './case-lifecycle-contract';
import { definitionAdminContract } from './definition-admin-contract';
import { definitionContract } from './definition-contract';
import { demoContract } from './demo-contract';
import { designerContract } from './designer-contract';
import { directoryContract } from './directory-contract';
import { eventContract } from './event-contract';
import { meContract } from './me-contract';
import { migrationContract } from './migration-contract';
import { notificationContract } from './notification-contract';
import { oidcContract } from './oidc-contract';
import { organisationContract } from './organisation-contract';
import { reportContract } from './report-contract';
import { savedFilterContract } from './saved-filter-contract';
import { taskCommandContract } from './task-command-contract';
import { taskContract } from './task-contract';

/** Every route of the API, for checks that need the whole list (the OpenAPI document, clients). */
export const allRoutes: readonly RouteConfig[] = [
  authContract,
  demoContract,
  oidcContract,
  meContract,
  savedFilterContract,
  definitionContract,
  definitionAdminContract,
  migrationContract,
  designerContract,
  directoryContract,
  caseContract,
  caseLifecycleContract,
  attachmentContract,
  taskContract,
  taskCommandContract,
  notificationContract,
  eventContract,
  accountAdminContract,
  organisationContract,
  reportContract,
  calendarContract,
].flatMap((contract) => Object.values(contract));
