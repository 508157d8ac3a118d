import * as calendarFeedRotate from "../calendar-feeds/[id]/rotate/route";
import * as calendarFeed from "../calendar-feeds/[id]/route";
import * as calendarFeeds from "../calendar-feeds/route";
import * as changesUndo from "../changes/[seq]/undo/route";
import * as changesRevert from "../changes/revert/route";
import * as changes from "../changes/route";
import * as exportData from "../export/route";
import * as healthReady from "../health/ready/route";
import * as health from "../health/route";
import * as importData from "../import/route";
import * as label from "../labels/[id]/route";
import * as labels from "../labels/route";
import * as list from "../lists/[id]/route";
import * as lists from "../lists/route";
import * as taskComplete from "../tasks/[id]/complete/route";
import * as taskHistory from "../tasks/[id]/history/route";
import * as taskRestore from "../tasks/[id]/restore/route";
import * as task from "../tasks/[id]/route";
import * as taskCounts from "../tasks/counts/route";
import * as tasks from "../tasks/route";
import * as mcp from "../mcp/route";
import * as token from "../tokens/[id]/route";
import * as tokenExchange from "../tokens/exchange/route";
import * as tokens from "../tokens/route";
import * as trash from "../trash/route";
import * as taskReminders from "../tasks/[id]/reminders/route";
import * as reminder from "../reminders/[id]/route";
import * as pushSubscriptions from "../push-subscriptions/route";
import * as notifications from "../notifications/route";
import * as notification from "../notifications/[id]/route";
import * as cronReminders from "../cron/reminders/route";

// The route modules the API reference is made from. A server cannot list app/api at run time,
// so they are named here; test/openapi.test.ts walks app/api and fails for a route missing from
// the document (add it here, or to EXCLUDED_ROUTES in lib/api/openapi.ts with the reason).
// /api/openapi.json adds itself.
export const DOCUMENTED_ROUTES = [tasks, taskCounts, task, taskComplete, taskRestore, taskHistory, taskReminders, reminder, notifications, notification, pushSubscriptions, cronReminders, trash, lists, list, labels, label, changes, changesUndo, changesRevert, exportData, importData, tokens, token, tokenExchange, calendarFeeds, calendarFeed, calendarFeedRotate, mcp, health, healthReady];
