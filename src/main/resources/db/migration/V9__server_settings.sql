-- Settings an admin changes in the app rather than in files: one row per setting, read by the module that owns it.
create table server_setting (
    setting_name  varchar(64)  primary key,
    setting_value varchar(200) not null
);

-- A new server asks students for their class's join code when they create an account, so strangers cannot sign up;
-- a server that already has accounts keeps its open registration until an admin changes it.
insert into server_setting (setting_name, setting_value)
select 'registration.join-code-required', 'true' where not exists (select 1 from user_account);
