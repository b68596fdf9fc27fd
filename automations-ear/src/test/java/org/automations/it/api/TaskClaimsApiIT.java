package org.automations.it.api;

import static org.automations.it.api.ApiCalls.as;
import static org.automations.it.api.ApiCalls.idFromLocation;
import static org.automations.it.api.ApiCalls.ok;
import static org.automations.it.api.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.automations.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Claim, release and reassign over the REST API, with the answers a client acts on: 409 naming who has
 * the task, 403 for a release by another Moderator or a reassignment by a non-administrator, 400 for a
 * reassignment to neither a user nor a group.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskClaimsApiIT {

    private final ApiCalls admin = as("admin");
    private final ApiCalls jacob = as("jacob");
    private final ApiCalls anna = as("anna");
    private final ApiCalls mary = as("mary");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aModeratorClaimsTheOtherIsToldWhoAndAnAdministratorReassigns() throws Exception {
        long id = idFromLocation(admin.post("definitions/org.automations.demo.IssueDiscussion/instances",
                "{\"issueList\": \"Claims\", \"pendingMails\": 1}"));
        long task = ok(200, admin.get("instances/" + id + "/history")).getJsonArray("steps").stream()
                .map(v -> v.asJsonObject())
                .filter(t -> t.getString("node").equals("moderate") && (!t.containsKey("finished") || t.isNull("finished")))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();

        assertEquals("jacob", ok(200, jacob.post("tasks/" + task + "/claim", "")).getString("claimedBy"));
        JsonObject taken = problem(409, anna.post("tasks/" + task + "/claim", ""));
        assertTrue(taken.getString("detail").contains("claimed by jacob"), taken.toString());
        problem(409, anna.post("tasks/" + task, "{\"summary\": \"anna's\"}"));
        problem(403, anna.post("tasks/" + task + "/release", ""));
        problem(403, mary.post("tasks/" + task + "/claim", ""));

        ok(200, jacob.post("tasks/" + task + "/release", ""));
        problem(409, jacob.post("tasks/" + task + "/release", ""));

        problem(403, jacob.post("tasks/" + task + "/reassign", "{\"user\": \"mary\"}"));
        problem(400, admin.post("tasks/" + task + "/reassign", "{}"));
        ok(200, admin.post("tasks/" + task + "/reassign", "{\"user\": \"mary\"}"));
        problem(403, jacob.get("tasks/" + task));
        assertEquals("COMPLETED", ok(200, mary.post("tasks/" + task, "{\"summary\": \"Mary moderated\"}")).getString("result"));
        problem(409, jacob.post("tasks/" + task + "/claim", ""));
    }
}
