-- One database per service, as the local stack creates them (infra LocalInfra.DATABASES).
CREATE DATABASE partners;
CREATE DATABASE projects;
CREATE DATABASE memberships;
CREATE DATABASE webhooks;
