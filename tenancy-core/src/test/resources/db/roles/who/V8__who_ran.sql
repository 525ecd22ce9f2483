CREATE TABLE who_ran AS SELECT current_user::text AS role_name;
