package org.automations.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * W1 for Flowable 7.1 on this machine and database, so that issue 5's comparison is made on equal
 * terms: 1 000 instances of a process with 5 service tasks (each sets one variable) and an end
 * event, started one after the other (one commit each), history level audit, no async executor;
 * median of 3 runs after 3 000 warm-up instances. Runs in the test JVM (a standalone engine, no
 * application server); writes {@code target/flowable-<db>.txt}. Asserts nothing.
 */
class FlowableBenchmark {

    private static final int RUNS = 3;

    /** The service tasks' code: one variable per task, as W1's steps write one key each. */
    public static class SetVariable implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(execution.getCurrentActivityId(), 1);
        }
    }

    @Test
    void w1() throws Exception {
        if (!EngineBenchmark.selected("W1")) {
            return;
        }
        String url = System.getProperty("bench.flowable.url");
        String user = System.getProperty("bench.flowable.user");
        String password = System.getProperty("bench.flowable.password");
        if (url.startsWith("jdbc:postgresql")) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("create schema if not exists flowable_bench");
            }
        }
        ProcessEngine engine = new StandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername(user).setJdbcPassword(password)
                .setJdbcDriver(System.getProperty("bench.flowable.driver"))
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_DROP_CREATE)
                .setHistoryLevel(HistoryLevel.AUDIT)
                .setAsyncExecutorActivate(false)
                .buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addString("w1.bpmn20.xml", process()).deploy();
            RuntimeService runtime = engine.getRuntimeService();
            for (int i = 0; i < 3000; i++) {
                runtime.startProcessInstanceByKey("w1");
            }
            List<Double> seconds = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    runtime.startProcessInstanceByKey("w1");
                }
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            double s = EngineBenchmark.median(seconds);
            String line = String.format(Locale.ROOT, "Flowable 7.1 W1 (%s): 1000 instances of 5 service tasks + end"
                    + " in %.2f s: %.0f instances/s, %.0f steps/s (history audit, one commit per instance, one thread)",
                    url.startsWith("jdbc:h2") ? "H2 file database" : "PostgreSQL", s, 1000 / s, 5000 / s);
            System.out.println(line);
            String db = url.startsWith("jdbc:h2") ? "h2" : "postgresql";
            Files.writeString(Path.of(System.getProperty("bench.report.dir", "/tmp"), "flowable-" + db + ".txt"),
                    line + "\n");
        } finally {
            engine.close();
        }
    }

    private static String process() {
        StringBuilder bpmn = new StringBuilder("<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:flowable=\"http://flowable.org/bpmn\" targetNamespace=\"bench\">"
                + "<process id=\"w1\" isExecutable=\"true\"><startEvent id=\"start\"/>");
        String previous = "start";
        for (int i = 1; i <= 5; i++) {
            bpmn.append("<sequenceFlow id=\"f").append(i).append("\" sourceRef=\"").append(previous)
                    .append("\" targetRef=\"s").append(i).append("\"/>")
                    .append("<serviceTask id=\"s").append(i).append("\" flowable:class=\"")
                    .append(SetVariable.class.getName()).append("\"/>");
            previous = "s" + i;
        }
        return bpmn.append("<sequenceFlow id=\"f6\" sourceRef=\"s5\" targetRef=\"end\"/><endEvent id=\"end\"/>")
                .append("</process></definitions>").toString();
    }
}
