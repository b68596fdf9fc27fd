package org.automations.it.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A resource of the test WAR only (the API scans the WAR): fails as a bug would, to see the 500 answer. */
@Path("test-exploding")
public class ExplodingResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String explode() {
        throw new NullPointerException("a bug at org.automations.Secret.method(Secret.java:42)");
    }
}
