"""nianbao: Chinese government information-disclosure annual reports -> a static dashboard.

Stages, in the order data flows: ingest -> parse -> (model) -> checks -> dataset -> charts -> site.
"""

__version__ = "0.1.0"
