CREATE TABLE public.announcements (id bigserial PRIMARY KEY, body text NOT NULL);
