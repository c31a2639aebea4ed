package com.example.springuploads;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.management.ObjectName;

/**
 * What an operator scrapes: the agent's meters through this application's own {@code /actuator/metrics}. The
 * agent is drained first through its MBean, so that the counts are whole. The application never references the
 * agent's classes, only the names it publishes.
 */
final class MetricsProbe {
    private MetricsProbe() {
    }

    static void print(int port, String... queries) throws Exception {
        ObjectName name = new ObjectName("dev.filecleanup:type=FileCleanup");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!ManagementFactory.getPlatformMBeanServer().isRegistered(name) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        System.out.println("drained: " + ManagementFactory.getPlatformMBeanServer().invoke(name, "drainNow", null,
                null));
        HttpClient client = HttpClient.newHttpClient();
        for (String query : queries) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/metrics/" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("actuator " + query + " -> " + response.statusCode() + " " + response.body());
        }
    }
}
