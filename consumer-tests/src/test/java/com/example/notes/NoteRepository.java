package com.example.notes;

import org.springframework.data.jpa.repository.JpaRepository;

/** The notes of the request's tenant. */
public interface NoteRepository extends JpaRepository<Note, Long> {
}
