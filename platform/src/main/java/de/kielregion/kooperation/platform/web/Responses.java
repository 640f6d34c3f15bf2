package de.kielregion.kooperation.platform.web;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Typed answers of the resources: the entity's type is in the signature, so the OpenAPI
 * document (and every client generated from it) knows what a 200 or 201 carries.
 */
public final class Responses {

    private Responses() {}

    /** 200 with the entity and its version as a strong ETag. */
    public static <T> RestResponse<T> versioned(T entity, long version) {
        return RestResponse.ResponseBuilder.ok(entity)
                .tag(Versions.etag(version))
                .build();
    }

    /** 201 with the new resource's address and the resource. */
    public static <T> RestResponse<T> created(String location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location))
                .entity(entity)
                .build();
    }

    /** 201 with the new resource's address, its version as a strong ETag, and the resource. */
    public static <T> RestResponse<T> created(String location, T entity, long version) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location))
                .tag(Versions.etag(version))
                .entity(entity)
                .build();
    }
}
