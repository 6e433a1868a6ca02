"""Suite-wide hypothesis settings.

CI shares two cores with other jobs, and the first draws of a strategy pay one-time costs
(codebooks, pycountry): generation time is no property of ours, so the too-slow health
check and per-example deadlines are off.  Every other health check stays on.
"""

from hypothesis import HealthCheck, settings

settings.register_profile("newsevents", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("newsevents")
