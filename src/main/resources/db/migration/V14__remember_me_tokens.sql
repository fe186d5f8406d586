-- "Remember me" sign-ins (Spring Security's persistent tokens): a browser that comes back without a session, for
-- instance to another web node after its own went away, is signed in again by its cookie's series and token. Kept in
-- the database so that every node knows them; a sign-out deletes the user's tokens.
create table persistent_logins (
    username  varchar(64) not null,
    series    varchar(64) primary key,
    token     varchar(64) not null,
    last_used timestamp   not null
);
