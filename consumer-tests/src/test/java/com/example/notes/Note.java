package com.example.notes;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A note; tenant-only after the conversion (its table has no schema, its migration is a tenant one). */
@Entity
@Table(name = "notes")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String body;

    protected Note() {
    }

    public Note(String body) {
        this.body = body;
    }

    public String getBody() {
        return body;
    }
}
