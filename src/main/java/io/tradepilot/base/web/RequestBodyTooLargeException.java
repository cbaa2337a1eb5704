package io.tradepilot.base.web;

import java.io.IOException;

/** A request body went over the API's limit while being read. */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
    }
}
