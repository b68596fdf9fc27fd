package org.automations.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.automations.model.AutomationTaskModel;
import org.junit.jupiter.api.Test;

/** Who is told about a task (TaskAccess.whoMayProcess's default over the default rule), and realm file names. */
class WhoMayProcessTest {

    private static final List<TaskUser> USERS = List.of(
            new TaskUser("admin", Set.of(TaskUser.SUPERUSER, "automations.change_automationmodel")),
            new TaskUser("jacob", Set.of("Moderators")),
            new TaskUser("anna", Set.of("Moderators", "publish")),
            new TaskUser("mary", Set.of()));

    private final TaskAccess access = new RoleTaskAccess();

    @Test
    void theMembersOfTheGroupButNotTheSuperusers() {
        assertEquals(Set.of("jacob", "anna"), access.whoMayProcess(task(null, "Moderators", List.of()), USERS));
    }

    @Test
    void theHoldersOfEveryPermissionAndTheUserNamed() {
        assertEquals(Set.of("anna"), access.whoMayProcess(task(null, "Moderators", List.of("publish")), USERS));
        assertEquals(Set.of("mary"), access.whoMayProcess(task("mary", null, List.of()), USERS));
    }

    @Test
    void theSuperusersWhenTheRuleGivesTheTaskToNobodyElse() {
        assertEquals(Set.of("admin"), access.whoMayProcess(task(null, null, List.of()), USERS));
        assertEquals(Set.of("admin"), access.whoMayProcess(task(null, "Editors", List.of()), USERS));
    }

    @Test
    void theClaimerAloneOnceClaimed() {
        AutomationTaskModel claimed = task(null, "Moderators", List.of());
        claimed.setClaimedBy("anna");
        assertEquals(Set.of("anna"), access.whoMayProcess(claimed, USERS));
    }

    @Test
    void aFilesystemRealmFileNamesItsUserInBase32() {
        assertEquals("jacob", RealmUsers.identityName("jacob-NJQWG33C.xml"));
        assertEquals("viewer", RealmUsers.identityName("viewer-OZUWK53FOI.xml"));
        assertEquals("anna", RealmUsers.identityName("anna-MFXG4YI.xml"));
        assertNull(RealmUsers.identityName("README.txt"));
        assertNull(RealmUsers.identityName("broken-n0t.xml"));
    }

    private static AutomationTaskModel task(String user, String group, List<String> permissions) {
        AutomationTaskModel task = new AutomationTaskModel(null, null, "moderate", Instant.now());
        task.setInteractionUser(user);
        task.setInteractionGroup(group);
        task.setInteractionPermissions(permissions);
        return task;
    }
}
