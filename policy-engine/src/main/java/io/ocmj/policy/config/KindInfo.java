package io.ocmj.policy.config;

/** A kind the cluster serves: its apiVersion, kind, plural resource name and scope. */
public record KindInfo(String apiVersion, String kind, String plural, boolean namespaced) {}
