-- Each tenant has its own users; every new tenant starts with alice (password "alice-password", bcrypt).
CREATE TABLE users (
    username varchar(50) PRIMARY KEY,
    password varchar(100) NOT NULL
);

INSERT INTO users (username, password) VALUES ('alice', '{bcrypt}$2a$04$bDsYomRaSZjEe/eDPYh2U.4dZFFfdR9T5DMwmWSGs6KZ1930n/PM2');
