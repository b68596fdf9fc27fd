package org.automations.it.messages;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application entity bound to an automation (test persistence unit "test-models"). */
@Entity
@Table(name = "test_subscriber")
public class Subscriber {

    @Id
    private Long id;

    private String email;

    protected Subscriber() {
    }

    public Subscriber(long id, String email) {
        this.id = id;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }
}
