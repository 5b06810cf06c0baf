-- The instances taking part in the AMI listener election and whether each is logged in to Asterisk now, renewed
-- at every election step (telephony.ami): a listener shutting down hands over only to a standby that is connected.
create table ami_instance (
    instance  varchar(200) primary key,
    listener  boolean not null,
    connected boolean not null,
    seen_at   timestamp(6) with time zone not null
);
