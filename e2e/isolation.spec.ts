import { expect, test } from "@playwright/test";
import { addTask, signUp, taskItem } from "./support";

test("two users at once never see each other's tasks", async ({ browser }) => {
  const [alice, bob] = await Promise.all([browser.newContext(), browser.newContext()]);
  const [alicePage, bobPage] = await Promise.all([alice.newPage(), bob.newPage()]);
  await Promise.all([signUp(alicePage), signUp(bobPage)]);

  await addTask(alicePage, "Alice's diary");
  await addTask(bobPage, "Bob's plans");
  await Promise.all([alicePage.reload(), bobPage.reload()]);

  await expect(taskItem(alicePage, "Alice's diary")).toBeVisible();
  await expect(taskItem(bobPage, "Bob's plans")).toBeVisible();
  await expect(alicePage.getByText("Bob's plans")).toHaveCount(0);
  await expect(bobPage.getByText("Alice's diary")).toHaveCount(0);

  await bobPage.getByLabel("Search tasks").fill("diary");
  await expect(bobPage.getByText("No tasks match")).toBeVisible();
  await Promise.all([alice.close(), bob.close()]);
});
