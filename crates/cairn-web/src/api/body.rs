//! A JSON request body whose rejections (bad JSON, wrong type, too large, wrong content
//! type) answer in the API's error shape instead of plain text.

use axum::Json;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::AppError;
use crate::error::ApiError;

/// A parsed JSON body.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError(AppError::Rejected {
                status: rejection.status(),
                message: rejection.body_text(),
            })),
        }
    }
}
